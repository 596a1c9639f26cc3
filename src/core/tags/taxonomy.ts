// Built-in ML topic taxonomy, kept as data: ./match.ts compiles it, test/data/tags/labelled.json measures it.

/**
 * One topic. Phrase lists are comma-separated; each phrase is a small pattern:
 * - matches whole words, case-insensitively; a leading `=` makes it case-sensitive (acronyms: `=MoE`), a leading
 *   `!` makes one hit count as `min` hits (decisive evidence in a topic whose other words need company);
 * - a space matches any run of spaces/hyphens, a hyphen between letters/digits any run too (`fine-tun*`
 *   also finds "finetuning" and "fine tuning"); `*` continues the word (`quanti[sz]*`); `.` is literal;
 * - `( | )`, `?`, `+`, `[..]`, `{m,n}`, `\d`, `\w` keep their regex meaning (repeat with `{0,}`, not `*`);
 * - it must start with a literal letter/digit, a `\d`, or a leading `(a|b)` group (expanded at compile time),
 *   because matching is keyed on the first letters of each word.
 */
export interface Topic {
  /** Kebab-case, stable: stored with user data. */
  readonly id: string;
  readonly label: string;
  /** Count in title and abstract. */
  readonly phrases: string;
  /** Count only in the title (words that are too vague inside an abstract, e.g. "agents", "benchmark"). */
  readonly title?: string;
  /** Spans that cancel this topic's phrases inside them (start at or before the phrase, e.g. "information diffusion"). */
  readonly exclude?: string;
  /** Abstract hits needed when the title has none (default 1): for words that abstracts drop in passing. `!` phrases count this much. */
  readonly min?: number;
}

// Decisions (one line each, longer rationale in test/data/tags/labelled.json "guidelines"):
// - "attention" alone never implies a topic; only compounds do (linear attention, attention sinks, attention maps).
// - llm includes multimodal LLMs (MLLM/LVLM) but not plain vision-language models (multimodal only).
// - distillation covers knowledge, self-, step (consistency) and dataset distillation; score distillation (SDS) and chemistry are excluded.
// - diffusion means diffusion/score/flow-matching generative models; physical, MRI and information diffusion are excluded.
// - pruning means neural models (weights, heads, layers, tokens); decision-tree, search-tree and data pruning are excluded.
// - quantization means low-precision numerics; vector/product/residual quantization (tokenizers, semantic IDs) is excluded.
// - agents means LLM/AI agents, tool use and multi-agent systems; "agent" alone only counts in titles, minus chemical/travel/etc.
export const TOPICS: readonly Topic[] = [
  {
    id: 'llm',
    label: 'LLMs',
    phrases:
      "=LLMs?, =SLMs?, =MLLMs?, =LVLMs?, language model*, chatbots?, chat (models?|assistants?), =ChatGPT, =GPT-\\d\\w{0,2}, =L(LaMA|lama)*, =M(istral|ixtral*), =Qwen*, =RLHF, =RLAIF, reasoning models?, code (completion )?models?, instruction (fine-)?tun*, large vision-language models?",
    exclude: '(vision|audio|video|protein|codec|masked)-language model*',
  },
  {
    id: 'diffusion',
    label: 'Diffusion & flow models',
    phrases:
      'diffusion, score-based (generative )?models?, score matching, flow matching, rectified flow*, consistency (models?|distillation), =DDPMs?, =DDIM, classifier-free guidance, probability-flow',
    exclude:
      '(information|reaction|heat|anisotropic|anomalous|graph) diffusion, diffusion (of|MRI|imaging|tensor*|coefficient*|equations?|maps?|kernels?|wavelets?|weighted), denoising autoencoders?',
  },
  {
    id: 'image-generation',
    label: 'Image generation',
    phrases:
      '!image (generation|generators?|synthesis|editing), text-to-image, image-to-image, generat* (\\w+ )?images?, !synthesi[sz]e* (\\w+ )?images, !edit* images?, =GANs?, !generative adversarial networks?, !=FID, !inpainting, !style transfer, !=DALL-E*, !stable diffusion, !autoregressive image*',
    exclude: '(AI|machine)-generated images?, (text|textual|sentence|language) style transfer',
    min: 2,
  },
  {
    id: 'quantization',
    label: 'Quantization',
    phrases:
      'quanti[sz]*, !(post-training|weight|activation|KV|low-bit|model|integer|mixed-precision) quanti[sz]*, !quantization-aware, !quanti[sz]ed (models?|weights|LLMs?|networks?), !quanti[sz]* (the )?(weights|activations), low-bit, low-precision, !(1|2|3|4|8|1.58)-bit, !=INT(2|4|8), =FP(4|8), !=W\\dA\\d*, !=GPTQ, !=AWQ, !binari[sz]ed, !ternary, !mixed-precision, bit-widths?',
    exclude: '(vector|product|residual|hierarchical|lookup-free|scalar)-quanti[sz]*, quantized Hall',
    min: 2,
  },
  {
    id: 'pruning',
    label: 'Pruning & sparsity',
    phrases:
      '!prun*, sparsity, !sparse (training|subnetworks?|networks?), !lottery tickets?, !(token|layer) (dropping|pruning|reduction), !(drop|discard)* (\\w+ )?tokens',
    // "Data sparsity" (recommenders), a sparse autoencoder's sparsity: the word alone needs company.
    exclude: '(tree|data|dataset|alpha-beta|cost-complexity) pruning, pruned trees?, prun* (unpromising|branches|search), (data|label|feedback|reward|interaction) sparsity',
    min: 2,
  },
  {
    id: 'distillation',
    label: 'Distillation',
    phrases: 'distil*, teacher-student, dataset condensation',
    exclude: '(score|fractional|steam|vacuum|continuous) distil*, distillation columns?, distilled water',
  },
  {
    id: 'moe',
    label: 'Mixture of experts',
    phrases:
      '=MoEs?, mixtures? of (LoRA |adapter )?experts, sparse experts?, (shared|activated|routed) experts, expert (routing|parallelism|offloading|speciali[sz]*|affinities|load), experts per token, router collapse, top-(1|2|k) (routing|gating), =Mixtral*, sparsely-gated, upcycl*',
  },
  {
    id: 'kv-cache',
    label: 'KV cache',
    phrases:
      '=KV, key-value (cache|states?), key/value states?, keys and values, prefix (caching|sharing), =PagedAttention, attention (sinks?|states), prompt cach*, cache (budget|eviction|compression|memory|size), evict*',
  },
  {
    id: 'efficient-inference',
    label: 'Efficient inference',
    phrases:
      '!efficient inference, !inference (efficiency|speed|latency|cost|acceleration|throughput), !(accelerat*|speed up|speeds up) ([\\w-]+ ){0,3}(inference|decoding|generation), !(faster|fast) ([\\w-]+ )?(decoding|inference), faster sampling, !speedups?, latency, throughput, !(decoding|serving) throughput, !(reduc*|lower*|cut*) (\\w+ )?(latency|computation|compute|FLOPs), !speculative decoding, draft (models?|heads?|tokens?), !early-exit*, serving, !time-to-first-token, prefill, \\d[\\d.]{0,6}x faster, fewer (sampling )?steps, (\\d|few)-step, =FLOPs, on-device, edge devices?, mobile (CPU|GPU|devices?|phones?), on-chip',
    min: 2,
  },
  {
    id: 'long-context',
    label: 'Long context',
    phrases:
      '!long-contexts?, context (windows?|lengths?|limits), !context (window |length )?extension, !extend* (the )?context*, long (sequences?|documents|inputs|generation), long-sequence, !length (extrapolation|generali[sz]ation), extrapolat*, =RoPE, rotary (position )?(embeddings?|encodings?|frequencies), !(million|\\d+K)-token contexts?, \\d+K (tokens?|context), !needle-in-a-haystack, !=LongBench, !=RULER, !passkeys?, !lost in the middle, !streaming LLMs?',
    min: 2,
  },
  {
    id: 'state-space-models',
    label: 'State-space models',
    phrases:
      'state space (sequence )?models?, =SSMs?, =Mamba*, =S(4|5), =RWKV*, linear attention, linear-time (sequence models?|attention|architectures?|RNNs?|recurren*), recurrent architectures?, =RetNet, =Hyena, subquadratic (architectures?|models?|attention|sequence models?), gated linear (attention|RNNs?|recurren*), selective scan, diagonal state*',
  },
  {
    id: 'peft',
    label: 'PEFT & LoRA',
    phrases:
      '=(Q)?LoRA*, =DoRA, low-rank adapt*, adapters?, parameter-efficient, =PEFT, (prefix|prompt) tuning, (continuous|soft|trainable) prompts?, prompt pools?',
  },
  {
    id: 'model-merging',
    label: 'Model merging',
    phrases:
      'model merging, merg* (\\w+ )?(models?|checkpoints?|weights|adapters?|task vectors?|recipes?), task (vectors?|arithmetic), model soups?, weight (averaging|interpolation)',
  },
  {
    id: 'rl',
    label: 'Reinforcement learning',
    phrases:
      'reinforcement learning, =RL, =RL(HF|AIF|VR), =MARL, =PPO, =GRPO, =DQN, =QMIX, =MAPPO, policy (gradients?|optimi[sz]ation), Q-learning, actor-critic, Markov decision process*, =MDPs?, verifiable rewards?, intrinsic (rewards?|motivation), sparse-reward, reward shaping',
    exclude: 'RL circuits?',
  },
  {
    id: 'alignment',
    label: 'Alignment',
    phrases:
      '!=RL(HF|AIF), !=(DPO|KTO|SimPO|ORPO), preference (optimi[sz]ation|data|datasets?|pairs|labels|learning), !preference models?, human preferences?, !(human|AI) feedback, !reward models?, !reward (hacking|overoptimi*), !overoptimi*, !(align|aligning) (\\w+ )?(language models?|LLMs?|models?|polic(y|ies)|assistants?), !constitutional, !sycophan*, !(safety|value|values|human|preference|LLM) alignment',
    exclude: '(process|outcome) reward models?',
    min: 2,
  },
  {
    id: 'agents',
    label: 'Agents & tool use',
    phrases:
      'agentic, multi-agent, (LLM|language|language model|AI|autonomous|web|GUI|computer-use|coding|software|embodied|research|generalist|conversational) agents?, (LLM|language model|AI|VLM)-(based|powered|driven) agents?, (use|uses|using) external tools, agent (framework|scaffold|benchmark)*, tool (use|usage|calls?|calling|learning), tool-(augmented|using), function calling, =API calls?, =ReAct*, web navigation',
    title: 'agents?, (use|uses|using) tools',
    exclude:
      '(chemical|warfare|travel|insurance|nerve|contrast|therapeutic|antimicrobial|antiviral|biological|reducing|oxidi[sz]ing|estate|surrounding|traffic) agents?, agent-based model*',
  },
  {
    id: 'reasoning',
    label: 'Reasoning',
    phrases:
      'reasoning, !chain-of-thoughts?, !=CoT, step-by-step, !=(GSM8K|MATH|AIME), !math (word )?problems, !theorem prov*, provers?, !olympiad*, !test-time (compute|scaling), !overthink*, !process reward models?, !=PRMs?, rationales?, commonsense, !reasoning models?',
    title: 'math, =MATH, mathematics, mathematical (reasoning|problems?|questions|olympiad*|proofs?|discovery), (formal|mathematical|theorem) proofs?',
    min: 2,
  },
  {
    id: 'rag',
    label: 'RAG',
    phrases:
      'retrieval-augmented, =RAG, =GraphRAG, retrieved (passages|documents|snippets|context|evidence), retrieves? (\\w+ )?(passages|documents|snippets)',
  },
  {
    id: 'retrieval',
    label: 'Retrieval & embeddings',
    phrases:
      'dense (passage )?retriev*, retrievers?, information retrieval, (passage|document|evidence|image|text|generative) retrieval, re-rank*, (text|sentence) embeddings?, embedding models?, =BM25, =BEIR, =MTEB, =nDCG*, learning-to-rank, ranking (models?|algorithms?|quality), search (engines?|systems?|APIs?), (cross|bi|dual)-encoders?, query expansion',
    min: 2,
  },
  {
    id: 'in-context-learning',
    label: 'Prompting & ICL',
    phrases:
      '!in-context (learn*|examples?|demonstrations?), in-context, few-shot (prompting|demonstrations?), !prompt (engineering|optimi[sz]ation), prompt (design|templates?), prompting, optimi[sz]ed prompts?, !many-shot, (demonstrations?|examples?) in the prompt',
    min: 2,
  },
  {
    id: 'code',
    label: 'Code generation',
    phrases:
      'code (generation|completion|LLMs?|language models?|models?|repositor*|synthesis|editing|reasoning|agents?), program synthesis, synthesi[sz]e programs?, generated programs?, (write|writes|writing) code, software engineering, =SWE-bench*, =HumanEval*, =MBPP, =APPS, =LiveCodeBench, coding (agents?|assistants?|tasks?), programming (contests?|problems?|languages?), unit tests?, bug fixing, repository-level',
  },
  {
    id: 'multimodal',
    label: 'Multimodal',
    phrases:
      'multi-modal, vision-language*, =VLMs?, =MLLMs?, =LVLMs?, =VLAs?, (image|text)-(text|image|question), audio-(visual|language|caption), video-language, cross-modal, visual question answering, =VQA, caption*, =CLIP*, visual instruction*, =LLaVA*, visual tokens?, =GPT-4V, video (LLMs?|language models?), interleaved (text|image)',
    exclude: 'multi-modal (distributions?|posteriors?|freight|transport*)',
  },
  {
    id: 'video',
    label: 'Video',
    phrases:
      'videos?, video-*, !text-to-video, !=Kinetics*, !action recognition, spatiotemporal, !video (LLMs?|generation|diffusion|understanding|question answering)',
    min: 2,
  },
  {
    id: 'speech',
    label: 'Speech & audio',
    phrases:
      '!speech, !spoken (language|dialogue|conversation)*, spoken, !audio*, =ASR, =TTS, !text-to-speech, voice*, !music*, speakers?, !acoustic*, !=wav2vec*, !=HuBERT, !=WavLM, !=Whisper*, sounds, listeners?, !word error rate, !prosod*, !phonetic',
    // ASR is also an attack's success rate, TTS test-time scaling, speakers those of a language: alone they need company.
    exclude:
      '(hate|free) speech, speech acts?, parts? of speech, attack success rates? \\(ASR\\), test-time scaling \\(TTS\\), native speakers?, (languages?|dialects?) spoken',
    min: 2,
  },
  {
    id: '3d-vision',
    label: '3D vision',
    phrases:
      "3D, =NeRFs?, neural radiance fields?, gaussian splatting, point clouds?, depth (estimation|maps?|sensors?), novel views?, novel view synthesis, multi-view, =SLAM, =LiDAR, bird's-eye-view, =BEV, =ShapeNet, =ScanNet, pose estimation, camera poses?, 6-DoF, structure-from-motion, volumetric",
    exclude: '3D (print*|protein|structures?|coordinates)',
    min: 2,
  },
  {
    id: 'segmentation',
    label: 'Segmentation',
    phrases:
      'segmentation, !segment anything, !(semantic|instance|panoptic|image) segmentation, !panoptic, !=mIoU, !=ADE20K',
    // SAM is also Sharpness-Aware Minimization: the model's name counts in a title only.
    title: '=SAM',
    exclude: '(word|customer|market|sentence|text|topic|speaker|user|expert|BPE) segmentations?',
    min: 2,
  },
  {
    id: 'detection',
    label: 'Object detection',
    phrases:
      'object detect*, (person|pedestrian|face|3D|open-vocabulary|small object) detect(ion|ors?), =YOLO*, =DETR*, bounding box(es)?, non-maximum suppression',
  },
  {
    id: 'self-supervised',
    label: 'Self-supervised',
    phrases:
      'self-supervised, contrastive (learning|pretraining|representation*|language-image), contrastively, unsupervised (pretraining|representations?|sentence embeddings?), masked (autoencoders?|image model*|atom|feature*), =(SimCLR|BYOL|JEPA), =DINO*, pretext tasks?, without labels, self-distillation, unlabell?ed data',
  },
  {
    id: 'graphs',
    label: 'Graph learning',
    phrases:
      'graphs?, graph-*, hypergraph*, subgraph*, =GNNs?, message-passing, knowledge graphs?, node (classification|representations?|embeddings?), link prediction, =Weisfeiler*',
    exclude: 'computation(al)? graphs?, (bar|line|causal) graphs?, directed acyclic graphs?',
  },
  {
    id: 'time-series',
    label: 'Time series',
    phrases: 'time-series, forecast*, =ECG, =EEG, electroencephalogra*',
    exclude: '(weather|motion|trajectory|ensemble|turbulent flow) forecast*',
    min: 2,
  },
  {
    id: 'recommender',
    label: 'Recommender systems',
    phrases:
      '!recommender*, recommendations?, !recommendation (systems?|models?|tasks?|datasets?|scenarios?|platforms?|performance|accuracy|lists?), !collaborative filtering, !click-through, !=CTR, !user-item, cold-start, !(sequential|conversational|news|item|product|movie|music|POI|next-item|top-K) recommend*',
    exclude: 'recommendations? (for|on|that)',
    // "We recommend…", "practical recommendations": the verb and the advice are not the topic; one "recommendation" needs company.
    min: 2,
  },
  {
    id: 'unlearning',
    label: 'Machine unlearning',
    phrases:
      'unlearn*, (concept|knowledge|data) (erasure|removal|deletion), eras* (the )?concepts?, forget sets?, right to be forgotten',
  },
  {
    id: 'privacy',
    label: 'Privacy',
    phrases:
      'privacy*, private, differentially private, =DP-SGD, membership*, personal (information|data), =PII, gradient inversion, (data|information) leakage, memori[sz]ed (training )?(data|text), extract* (\\w+ )?training data, data extraction',
    exclude: 'private (sector|equity|companies)',
    min: 2,
  },
  {
    id: 'federated',
    label: 'Federated learning',
    phrases: 'federated*, =FedAvg, cross-(device|silo)',
    exclude: 'federated (search|databases?|quer*)',
  },
  {
    id: 'safety',
    label: 'Safety',
    phrases:
      'safety, safe, unsafe, harmful*, harmless*, harms?, jailbreak*, red-team*, guardrails?, moderation, toxic*, refus*, misuse, hazardous, dangerous, prompt injection*',
    exclude: '(food|patient) safety, safety-critical',
    min: 2,
  },
  {
    id: 'adversarial',
    label: 'Adversarial',
    phrases:
      'adversarial*, backdoor*, poison*, certified (robustness|accuracy), randomi[sz]ed smoothing, trojan*, evasion attacks?, Byzantine*',
    exclude: 'generative adversarial*, adversarial (networks?|domain|loss|discriminator), domain-adversarial',
  },
  {
    id: 'hallucination',
    label: 'Hallucination',
    phrases:
      'hallucinat*, confabulat*, factuality, factual (precision|errors?|accuracy|consistency|hallucinations?|claims?), unfaithful (outputs?|generations?|answers?)',
    exclude: 'auditory (verbal )?hallucinat*',
  },
  {
    id: 'interpretability',
    label: 'Interpretability',
    phrases:
      '!interpretab*, !explainab*, explanations?, !saliency, attributions?, !probing, !linear probes?, !linearly decodable, !mechanistic*, circuits?, !sparse autoencoders?, !=SAEs?, !residual stream, steering, neurons?, =SHAP, =LIME, !feature visuali[sz]ation, !reverse-engineer*, attention maps, faithfulness',
    exclude: '(RL|electrical|electronic|integrated|analog|digital|quantum) circuits?, circuit netlists?',
    min: 2,
  },
  {
    id: 'fairness',
    label: 'Fairness & bias',
    phrases:
      'fair, fairness, unfair*, (gender|racial|social|demographic|societal|cultural|religious) bias(es)?, stereotyp*, debias*, demographic (parity|groups?), disparit*, disproportionate*, marginali[sz]ed, protected (attributes?|groups?)',
    exclude: 'fair (comparisons?|share)',
    min: 2,
  },
  {
    id: 'watermarking',
    label: 'Watermarking',
    phrases:
      'watermark*, (AI|machine)-generated, deepfake*, (synthetic|generated) (image|text) detect*',
  },
  {
    id: 'uncertainty',
    label: 'Uncertainty',
    phrases:
      'uncertaint*, calibrat*, conformal*, out-of-distribution (detection|inputs?), =OOD detection, overconfiden*, posteriors?, Laplace approximations?, coverage, (semantic|predictive) entropy',
    exclude:
      'calibration (samples?|data|sets?), (without|no) calibration, calibrat* on, calibrated noise, (demand|market|economic|policy) uncertaint*',
    min: 2,
  },
  {
    id: 'benchmarks',
    label: 'Benchmarks & datasets',
    phrases:
      '(releas|introduc|present|buil|construct|curat|collect|creat|crowdsourc|assembl|render)* (a |an |the |our )?(new |novel |large-scale |challenging |cleaned |carefully )?([\\w,-]+ ){0,3}(benchmarks?|datasets?|corpus|corpora|challenge sets?|evaluation (sets?|harness|suite|protocol)|questions|tasks|annotat*|judge?ments|preferences|(video|image)-question pairs|images), new (benchmarks?|datasets?|set|corpus|questions), as a (new )?benchmark, we (benchmark|annotate), evaluation (guidelines|protocol|harness|methodology)',
    title: 'benchmark*, datasets?, corpus, corpora, evaluat*, challenge sets?, leaderboard',
    exclude: 'dataset (distillation|condensation), present* (\\w+ ){0,2}(experiments|results|evaluations?) on, render* ([\\w-]+ ){0,2}images',
  },
  {
    id: 'data-curation',
    label: 'Data curation',
    phrases:
      'synthetic (data|datasets?|images), !synthetic (instruction*|examples|negatives|theorems|training data), !data (curation|filtering|selection|deduplication|pruning), data (quality|mixtures?), !dedup*, !near-duplicate*, !quality filter*, curated (prompts|data|datasets?|text*|corpus|corpora), !carefully curated, !model collapse, !self-instruct, generated data',
    min: 2,
  },
  {
    id: 'scaling-laws',
    label: 'Scaling laws',
    phrases:
      'scaling laws?, power laws?, compute-optimal, scaling behaviou?r, =Chinchilla*, (fit|fitted|fitting) (a |functional )?(\\w+ )?(laws?|forms)',
  },
  {
    id: 'tokenization',
    label: 'Tokenization',
    phrases:
      'tokeni[sz]*, !tokeni[sz](er|ers|ation), !=BPE, !byte-pair encoding, !subwords?, byte-level, raw bytes, !word segmentation, vocabulary size',
    exclude: 'tokeni[sz]ation of (real|assets?), asset tokeni[sz]ation',
    min: 2,
  },
  {
    id: 'optimizers',
    label: 'Optimizers',
    phrases:
      'optimi[sz]ers?, =Adam*, =SGD, stochastic gradient descent, learning-rates?, warmup, weight decay, momentum, convergence rates?, sharpness*, loss landscapes?, =(Muon|Shampoo|LAMB), gradient (descent|clipping)',
    exclude: 'query optimi[sz]ers?, differentially private stochastic gradient descent',
    min: 2,
  },
  {
    id: 'continual-learning',
    label: 'Continual learning',
    phrases:
      'continual, continually (learn*|adapt*|train*|updat*), lifelong, forgetting, (class|task|domain)-incremental, incremental learning, rehearsal, replay*, elastic weight consolidation, =EWC',
    exclude: '(experience|prioriti[sz]ed|hindsight) replay*',
  },
  {
    id: 'robotics',
    label: 'Robotics',
    phrases:
      'robot*, manipulation, locomotion, grasp*, quadrotors?, quadrupeds?, legged, embodied, embodiments?, sim-to-real, teleoperat*, dexterous, =VLAs?, vision-language-action',
    exclude: 'robots.txt, robotic process automation, (text-driven|text-guided|image|photo|face|facial|attribute|semantic|latent|style) manipulation',
    min: 2,
  },
  {
    id: 'autonomous-driving',
    label: 'Autonomous driving',
    phrases:
      "autonomous (driving|vehicles?|cars?), self-driving, driving, =nuScenes, =Waymo*, =CARLA, =KITTI*, bird's-eye-view, =BEV, motion (forecasting|planning|planners?), ego (vehicle|actions?)",
    exclude: 'self-driving lab*, driving (force|factors?)',
    min: 2,
  },
  {
    id: 'medical',
    label: 'Medical',
    phrases:
      'medical*, clinic*, patients?, hospitals?, radiolog*, patholog*, X-rays?, =MRI, =CT, =EHRs?, electronic health records?, health-care, diagnos*, diseases?, tumou?rs?, lesions?, cancer*, =ICU, =MIMIC*, whole-slide, dermatolog*, biomarkers?, organs?, =MedQA, physicians?, mortality',
    exclude: 'diagnos* (failures?|faults?|errors?|problems?|and remed*), diagnostic (datasets?|benchmarks?|suites?|test sets?|evaluations?|probes?|classifiers?)',
    min: 2,
  },
  {
    id: 'molecules',
    label: 'Molecules & proteins',
    phrases:
      'molecul*, protein*, drug (discovery|design), chemically, chemistry, (chemical|organic|bioactive|drug-like|novel) compounds?, materials (discovery|science|design), new materials, crystal*, atoms?, =QM9, =MoleculeNet, =GEOM*, antibod*, enzymes?, =DFT, ligands?',
  },
  {
    id: 'scientific-ml',
    label: 'Scientific ML',
    phrases:
      '!physics-informed, !=PINNs?, !neural operators?, !=PDEs?, !partial differential equations?, weather forecast*, climate, !turbulen*, fluids?, !navier-stokes, !numerical (solvers?|simulat*), !reanalysis, atmospher*, surrogate models?, !=CFD, !reaction-diffusion, !(learned|learn to) simulat*',
    min: 2,
  },
  {
    id: 'multilingual',
    label: 'Multilingual',
    phrases:
      'multilingual, cross-lingual, machine translation, translation (models?|systems?), speech-to-speech translation, (low|high)-resource (languages?|pairs?), \\d+ languages, non-English, =BLEU, =chrF*, code-switch*, (Chinese|Japanese|Korean|Arabic|Hindi|Spanish|French|German)',
    min: 2,
  },
  {
    id: 'anomaly-detection',
    label: 'Anomaly detection',
    phrases: 'anomal*, outlier detection, fraud*, intrusion detection',
  },
  {
    id: 'causal',
    label: 'Causal inference',
    phrases:
      'causal*, counterfactuals?, treatment effects?, instrumental variables?, confound*, interventional, interventions, structural causal, propensity*',
    exclude: 'causal(ly)? (attention|mask*|language model*|decoders?|transformers?|LMs?|convolution*)',
  },
];
